// Block 244 of the table in ../t2s.js.
export const T2S = "𤑳𤎻𤑹𪹀𤒎𤊀𤒻𪹹𤓌𪹠𤓎𤎺𤓩𤊰";
