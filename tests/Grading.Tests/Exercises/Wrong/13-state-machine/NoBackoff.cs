// expect-fail: retries-with-backoff
// handler: the exercise's own (the test grades it with this fixture's learner files)
