// expect-fail: event-wiring
// template: no Events: nothing invokes the function (NoEvents.template.yaml)
// handler: the exercise's own (the test grades it with this fixture's learner files)
