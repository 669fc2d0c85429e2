// expect-fail: event-wiring
// template: the event fires on deletes, not uploads (ObjectRemoved.template.yaml)
// handler: the exercise's own (the test grades it with this fixture's learner files)
