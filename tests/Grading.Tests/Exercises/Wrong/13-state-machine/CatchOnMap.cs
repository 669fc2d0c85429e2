// expect-fail: chunk-failure-caught
// handler: the exercise's own (the test grades it with this fixture's learner files)
