// Block 41 of the table in ../t2s.js.
export const T2S = "䅐𫀨䅳𫀬䆉𫁂";
