// Block 35 of the table in ../t2s.js.
export const T2S = "㔋𪟎㖮𪠵㗲𠵾㗿𪡛";
