// One Terminal.Gui application at a time: parallel instances in one process hung here (Terminal.Gui 2.5).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
