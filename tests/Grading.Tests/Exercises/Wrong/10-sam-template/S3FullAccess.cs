// expect-fail: least-privilege
// template: a managed FullAccess policy (S3FullAccess.template.yaml)
// handler: the exercise's own (the test grades it with this fixture's learner files)
