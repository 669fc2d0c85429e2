// expect-fail: writes-table
// template: a read policy where a write policy belongs (ReadOnlyTable.template.yaml)
// handler: the exercise's own (the test grades it with this fixture's learner files)
