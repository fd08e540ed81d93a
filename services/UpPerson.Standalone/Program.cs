return await UpPerson.Standalone.StandaloneCli.RunAsync(args);
