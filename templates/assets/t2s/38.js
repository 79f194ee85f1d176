// Block 38 of the table in ../t2s.js.
export const T2S = "㠏㟆㠣𫵷㢗𪪑㢝𢋈";
