// Block 2a1 of the table in ../t2s.js.
export const T2S = "𪄆𪉔𪄕𪉒𪅂𫜂𪆷𫛾𪇳𪉕";
