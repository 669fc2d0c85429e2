// expect-fail: handler
// template: Handler names a class that is not Function.cs's (WrongHandlerType.template.yaml)
// handler: the exercise's own (the test grades it with this fixture's learner files)
