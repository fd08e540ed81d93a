return await UpPerson.Training.TrainingCli.RunAsync(args);
