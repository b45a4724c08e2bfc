/* plugin: a loadable bundle (MH_BUNDLE). */
int plugin_entry(void) { return 42; }
