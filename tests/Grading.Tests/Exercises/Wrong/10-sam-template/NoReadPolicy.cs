// expect-fail: reads-bucket
// template: no S3 read grant (NoReadPolicy.template.yaml)
// handler: the exercise's own (the test grades it with this fixture's learner files)
