// expect-fail: environment
// template: TABLE_NAME is the logical id, not the table's name (LogicalIdAsName.template.yaml)
// handler: the exercise's own (the test grades it with this fixture's learner files)
