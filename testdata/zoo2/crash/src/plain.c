/* A plain library with some code and data, cut short or replaced by the tests and the build script. */
static const char table[] = "nativeload crash zoo: a plain library with a few pages of data";
static int counter = 7;

int plain_answer(void) { return table[counter] + counter; }
