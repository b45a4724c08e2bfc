/* The versioned library: built with ver2.map (ZOO_1.0 and ZOO_2.0) to link against, and with
 * ver1.map (ZOO_1.0 only) or verswap.map (v2 moved to ZOO_1.0) as the "older" installed copy. */
int v1 = 1;
int v2 = 2;
int other = 3;
