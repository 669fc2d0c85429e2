// expect-fail: event-wiring
// template: no prefix filter: archive/ uploads invoke it too (NoPrefix.template.yaml)
// handler: the exercise's own (the test grades it with this fixture's learner files)
