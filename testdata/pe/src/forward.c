/* One ordinary export; the others are forwarders declared in forward.def. */
int fwd_own(void) { return 42; }
