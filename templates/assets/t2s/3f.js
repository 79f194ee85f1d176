// Block 3f of the table in ../t2s.js.
export const T2S = "㿖𪽮㿗𤻊㿧𤽯";
