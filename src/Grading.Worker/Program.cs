return await Course.Grading.Isolation.WorkerHost.RunAsync().ConfigureAwait(false);
