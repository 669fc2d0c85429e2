// expect-fail: least-privilege
// template: s3:GetObject on every resource (StarResource.template.yaml)
// handler: the exercise's own (the test grades it with this fixture's learner files)
