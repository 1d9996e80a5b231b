"""The command line: thin faces over the core, one module per command group."""
