global using BriefingBot.Commands;
