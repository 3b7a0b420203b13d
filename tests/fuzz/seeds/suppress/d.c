char *s = "pyrefcheck: ignore"; // pyrefcheck: ignore[use-after-release]
