// Block 232 of the table in ../t2s.js.
export const T2S = "𣈶暅𣋋𣈣";
