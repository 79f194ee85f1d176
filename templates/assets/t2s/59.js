// Block 59 of the table in ../t2s.js.
export const T2S = "夠够夢梦夾夹奐奂奧奥奩奁奪夺奬奖奮奋奼姹妝妆姍姗姦奸";
