// Block 3b of the table in ../t2s.js.
export const T2S = "㯤𣘐";
