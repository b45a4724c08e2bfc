/* A Windows program that imports middle.dll at startup and delay-loads delaydep.dll (which
   middle.dll loads at startup anyway) and delaymissing.dll (which exists nowhere). */
__declspec(dllimport) int middle_value(void);
int delaydep_value(void);
int delaymissing_value(void);
int main(int argc, char **argv) {
    (void) argv;
    int v = middle_value();
    if (argc > 5) {
        v += delaydep_value() + delaymissing_value();
    }
    return v;
}
