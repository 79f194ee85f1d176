// Block 57 of the table in ../t2s.js.
export const T2S = "圇囵國国圍围園园圓圆圖图團团圞𪢮垻坝埡垭埨𫭢埬𪣆埰采執执";
