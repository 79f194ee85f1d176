// Block 3c of the table in ../t2s.js.
export const T2S = "㰙𣗙";
