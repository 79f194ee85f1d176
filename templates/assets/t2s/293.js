// Block 293 of the table in ../t2s.js.
export const T2S = "𩎖𫖑𩎢𩏾𩏂𫖓𩏠𫖖𩏪𩏽𩏷𫃗";
