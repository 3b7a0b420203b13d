// pyrefcheck: ignore[ref-leak
int z;
