// expect-fail: writes-table
// template: the write policy names a table that is not this stack's (WriteOtherTable.template.yaml)
// handler: the exercise's own (the test grades it with this fixture's learner files)
