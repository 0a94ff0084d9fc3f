using Contact.Benchmarks;

return await Benchmark.RunAsync(args);
