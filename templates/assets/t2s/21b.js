// Block 21b of the table in ../t2s.js.
export const T2S = "𡮉𡭜𡮣𡭬";
