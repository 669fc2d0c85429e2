// expect-fail: writes-table
// template: a SimpleTable without PrimaryKey is keyed by id (DefaultKey.template.yaml)
// handler: the exercise's own (the test grades it with this fixture's learner files)
