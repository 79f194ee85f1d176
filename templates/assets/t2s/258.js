// Block 258 of the table in ../t2s.js.
export const T2S = "𥢢䅪𥢶𫞷𥢷𫀮";
