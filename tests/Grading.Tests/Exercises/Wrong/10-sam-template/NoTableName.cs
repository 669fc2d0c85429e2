// expect-fail: environment
// template: no Environment: TABLE_NAME is missing (NoTableName.template.yaml)
// handler: the exercise's own (the test grades it with this fixture's learner files)
