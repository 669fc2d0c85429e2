// expect-fail: concurrency-cap
// handler: the exercise's own (the test grades it with this fixture's learner files)
