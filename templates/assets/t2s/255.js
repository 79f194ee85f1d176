// Block 255 of the table in ../t2s.js.
export const T2S = "𥕥𥐰𥖅𥐯𥖲𪿞𥗇𪿵𥗽𬒗";
