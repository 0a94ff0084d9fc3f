// One Terminal.Gui application at a time: each test pumps its UI loop on its own thread, and on a
// two-core machine they finish sooner in sequence than competing in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
