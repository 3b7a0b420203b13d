int x; /* pyrefcheck: ignore[ref-leak,null-deref] */
// pyrefcheck: ignore[ gil-violation , exception-state ]
int y;
