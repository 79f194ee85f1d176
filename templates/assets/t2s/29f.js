// Block 29f of the table in ../t2s.js.
export const T2S = "𩼶𫚬𩽇𩾎𩿅𫠖𩿤𫛠𩿪𪉄";
