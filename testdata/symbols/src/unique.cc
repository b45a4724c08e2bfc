// A template's static data member: g++ gives it STB_GNU_UNIQUE binding, one copy per process.
template <typename T> struct Counter { static int value; };
template <typename T> int Counter<T>::value = 7;

int &unique_ref() { return Counter<int>::value; }
