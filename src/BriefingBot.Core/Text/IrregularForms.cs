using System.Collections.Frozen;

namespace BriefingBot.Core.Text;

/// <summary>
/// Irregular English verb forms, which no suffix-stripping stemmer can join: a question asks when someone
/// "left" while the article says "leave", or "who wrote" against "has written". Both directions are listed.
/// </summary>
public static class IrregularForms
{
    private static readonly FrozenDictionary<string, string[]> Forms = Build(
        "arise:arose,arisen", "be:was,were,been", "bear:bore,borne", "beat:beaten", "become:became", "begin:began,begun",
        "bend:bent", "bid:bade", "bind:bound", "bite:bit,bitten", "bleed:bled", "blow:blew,blown", "break:broke,broken",
        "breed:bred", "bring:brought", "build:built", "burn:burnt", "buy:bought", "catch:caught", "choose:chose,chosen",
        "cling:clung", "come:came", "creep:crept", "deal:dealt", "dig:dug", "draw:drew,drawn", "drink:drank,drunk",
        "drive:drove,driven", "eat:ate,eaten", "fall:fell,fallen", "feed:fed", "feel:felt", "fight:fought", "find:found",
        "flee:fled", "fly:flew,flown", "forbid:forbade,forbidden", "forecast:forecast", "forget:forgot,forgotten",
        "forgive:forgave,forgiven", "freeze:froze,frozen", "get:got,gotten", "give:gave,given", "go:went,gone",
        "grow:grew,grown", "hang:hung", "have:had", "hear:heard", "hide:hid,hidden", "hold:held", "keep:kept",
        "know:knew,known", "lay:laid", "lead:led", "leave:left", "lend:lent", "lie:lay,lain", "lose:lost", "make:made",
        "mean:meant", "meet:met", "mislead:misled", "overcome:overcame", "overtake:overtook,overtaken", "pay:paid",
        "prove:proven", "ride:rode,ridden", "ring:rang,rung", "rise:rose,risen", "run:ran", "say:said", "see:saw,seen",
        "seek:sought", "sell:sold", "send:sent", "shake:shook,shaken", "shine:shone", "shoot:shot", "show:shown",
        "shrink:shrank,shrunk", "sing:sang,sung", "sink:sank,sunk", "sit:sat", "sleep:slept", "slide:slid",
        "speak:spoke,spoken", "spend:spent", "spin:spun", "stand:stood", "steal:stole,stolen", "stick:stuck",
        "sting:stung", "strike:struck,stricken", "strive:strove,striven", "swear:swore,sworn", "sweep:swept",
        "swim:swam,swum", "swing:swung", "take:took,taken", "teach:taught", "tear:tore,torn", "tell:told",
        "think:thought", "throw:threw,thrown", "undergo:underwent,undergone", "understand:understood",
        "undertake:undertook,undertaken", "uphold:upheld", "wake:woke,woken", "wear:wore,worn", "weep:wept",
        "win:won", "withdraw:withdrew,withdrawn", "write:wrote,written");

    /// <summary>The other forms of an irregular verb (folded, lower case); empty for regular words.</summary>
    public static IReadOnlyList<string> Of(string foldedWord) => Forms.TryGetValue(foldedWord, out var forms) ? forms : [];

    private static FrozenDictionary<string, string[]> Build(params string[] entries)
    {
        var groups = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var parts = entry.Split(':');
            var all = new[] { parts[0] }.Concat(parts[1].Split(',')).ToArray();
            foreach (var form in all)
            {
                if (!groups.TryGetValue(form, out var set))
                {
                    groups[form] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(all.Where(f => f != form));
            }
        }

        return groups.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }
}
