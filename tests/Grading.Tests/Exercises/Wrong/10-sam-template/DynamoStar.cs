// expect-fail: least-privilege
// template: dynamodb:* on the table (DynamoStar.template.yaml)
// handler: the exercise's own (the test grades it with this fixture's learner files)
