using System.Text.RegularExpressions;
using BriefingBot.Core.Text;
using Xunit.Abstractions;
using LuceneEnglishStemmer = Lucene.Net.Tartarus.Snowball.Ext.EnglishStemmer;

namespace BriefingBot.Core.Tests.Text;

public sealed partial class EnglishStemmerTests(ITestOutputHelper output)
{
    // word>stem pairs chosen to exercise every step: exceptional forms, step 0-5, y handling, R1 prefixes, undoubling,
    // plus the newsroom vocabulary the bot meets most. Expected stems follow the published Porter2 description.
    private const string Pairs = """
        caresses>caress  ponies>poni  ties>tie  cries>cri  gaps>gap  gas>gas
        this>this  bias>bias  news>news  skies>sky  skis>ski  sky>sky
        dying>die  lying>lie  tying>tie  idly>idl  gently>gentl  ugly>ugli
        early>earli  only>onli  singly>singl  andes>andes  atlas>atlas  cosmos>cosmos
        howe>howe  inning>inning  innings>inning  outing>outing  canning>canning  herring>herring
        herrings>herring  earring>earring  earrings>earring  proceed>proceed  proceeds>proceed  exceed>exceed
        exceeds>exceed  succeed>succeed  succeeded>succeed  proceeding>proceed  feed>feed  agreed>agre
        hopping>hop  hoped>hope  hoping>hope  hopped>hop  troubled>troubl  sized>size
        filing>file  filed>file  failing>fail  cry>cri  crying>cri  by>by
        say>say  saying>say  happy>happi  happily>happili  happiness>happi  enjoy>enjoy
        enjoyed>enjoy  toys>toy  boyish>boyish  conditional>condit  rational>ration  operator>oper
        hopefulness>hope  callousness>callous  electrical>electr  hopeful>hope  goodness>good  revival>reviv
        allowance>allow  inference>infer  defensible>defens  adjustment>adjust  dependent>depend  adoption>adopt
        communism>communism  effective>effect  rate>rate  cease>ceas  controll>control  roll>roll
        generate>generat  generous>generous  general>general  generally>general  communication>communic  community>communiti
        communities>communiti  arsenal>arsenal  arsenic>arsenic  organization>organiz  organize>organiz  organic>organic
        universal>universal  university>universiti  universe>univers  international>internat  internal>internal  interval>interval
        lateral>lateral  later>later  emergency>emergenc  emerge>emerg  emerged>emerg  paste>paste
        pasted>paste  pasting>paste  pastime>pastim  past>past  added>add  adding>add
        ebbed>ebb  erred>err  offing>off  hying>hie  vying>vie  apologists>apolog
        geologist>geolog  psychologist>psycholog  archaeologists>archaeolog  evening>evening  evenings>evening  consign>consign
        consigned>consign  consigning>consign  consignment>consign  consist>consist  consisted>consist  consistency>consist
        consistent>consist  consistently>consist  consisting>consist  consists>consist  consolation>consol  consolations>consol
        consolatory>consolatori  console>consol  consoled>consol  consoles>consol  consolidate>consolid  consolidated>consolid
        consolidating>consolid  consoling>consol  consolingly>consol  consols>consol  consonant>conson  consort>consort
        consorted>consort  consorting>consort  conspicuous>conspicu  conspicuously>conspicu  conspiracy>conspiraci  conspirator>conspir
        conspirators>conspir  conspire>conspir  conspired>conspir  conspiring>conspir  constable>constabl  constables>constabl
        constance>constanc  constancy>constanc  constant>constant  knack>knack  knackeries>knackeri  knacks>knack
        knag>knag  knave>knave  knaves>knave  knavish>knavish  kneaded>knead  kneading>knead
        knee>knee  kneel>kneel  kneeled>kneel  kneeling>kneel  kneels>kneel  knees>knee
        knell>knell  knelt>knelt  knew>knew  knick>knick  knif>knif  knife>knife
        knight>knight  knightly>knight  knights>knight  knit>knit  knits>knit  knitted>knit
        knitting>knit  knives>knive  knob>knob  knobs>knob  knock>knock  knocked>knock
        knocker>knocker  knockers>knocker  knocking>knock  knocks>knock  knopp>knopp  knot>knot
        knots>knot  abandon>abandon  abandoned>abandon  abandoning>abandon  abandonment>abandon  abandons>abandon
        ability>abil  able>abl  abnormal>abnorm  abolish>abolish  abolished>abolish  abolition>abolit
        abominable>abomin  about>about  above>abov  abroad>abroad  absence>absenc  absent>absent
        absolute>absolut  absolutely>absolut  absorbed>absorb  absorbing>absorb  abstract>abstract  absurd>absurd
        abundance>abund  abundant>abund  abuse>abus  academy>academi  accept>accept  acceptable>accept
        acceptance>accept  accepted>accept  accident>accid  accidental>accident  accidentally>accident  accommodation>accommod
        accompanied>accompani  accompany>accompani  accomplish>accomplish  according>accord  accordingly>accord  account>account
        accounts>account  accurate>accur  accusation>accus  accused>accus  accustomed>accustom  president>presid
        presidents>presid  election>elect  elections>elect  elected>elect  electing>elect  government>govern
        governments>govern  governed>govern  governor>governor  weapons>weapon  weapon>weapon  missile>missil
        sanctions>sanction  warned>warn  warning>warn  warnings>warn  letters>letter  letter>letter
        beautiful>beauti  psychological>psycholog  warfare>warfar  operations>oper  operational>oper  officials>offici
        official>offici  officially>offici  relationship>relationship  influencing>influenc  influence>influenc  influenced>influenc
        undermine>undermin  undermined>undermin  reported>report  reporting>report  reports>report  reporter>report
        reporters>report  running>run  runs>run  ran>ran  runner>runner  happiest>happiest
        happier>happier  connection>connect  connections>connect  connected>connect  connecting>connect  connects>connect
        generalization>general  argue>argu  argued>argu  argues>argu  arguing>argu  argument>argument
        arguments>argument  argus>argus  fluently>fluentli  fluent>fluent  kiwis>kiwi  outings>outing
        agreedly>agre  luxuriated>luxuri  conflated>conflat  conflating>conflat  relational>relat  valenci>valenc
        hesitanci>hesit  digitizer>digit  conformabli>conform  radicalli>radic  differentli>differ  vileli>vile
        analogousli>analog  vietnamization>vietnam  predication>predic  feudalism>feudal  decisiveness>decis  formaliti>formal
        sensitiviti>sensit  sensibiliti>sensibl  triplicate>triplic  formative>format  formalize>formal  electriciti>electr
        airliner>airlin  gyroscopic>gyroscop  adjustable>adjust  irritant>irrit  replacement>replac  activate>activ
        angulariti>angular  bowdlerize>bowdler  probate>probat  ably>abli  academic>academ  presidential>presidenti
        electoral>elector  nuclear>nuclear  denuclearization>denuclear  denuclearize>denuclear  missiles>missil  sanctioned>sanction
        defector>defector  defectors>defector  defected>defect  relationships>relationship  connective>connect  generalizations>general
        generalize>general  fluentli>fluentli
        """;

    public static TheoryData<string, string> HandPickedPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var pair in Pairs.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('>');
            data.Add(parts[0], parts[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HandPickedPairs))]
    public void Stem_HandPickedWord_MatchesPorter2(string word, string expected)
    {
        Assert.Equal(expected, EnglishStemmer.Stem(word));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("is")]
    public void Stem_TwoLettersOrFewer_ReturnsWordUnchanged(string word)
    {
        Assert.Same(word, EnglishStemmer.Stem(word));
    }

    [Fact]
    public void Stem_UnchangedWord_ReturnsSameInstance()
    {
        // The index stems every distinct word; not allocating for words that do not change keeps that cheap.
        var word = "pyongyang";
        Assert.Same(word, EnglishStemmer.Stem(word));
    }

    [Fact]
    public void Stem_SpanOverload_WritesSameStemAsStringOverload()
    {
        Span<char> buffer = stackalloc char[32];
        var length = EnglishStemmer.Stem("denuclearization", buffer);
        Assert.Equal("denuclear", buffer[..length].ToString());
    }

    [Fact]
    public void Stem_DestinationTooShort_Throws()
    {
        Assert.Throws<ArgumentException>(() => EnglishStemmer.Stem("hoped", new char[5]));
    }

    /// <summary>
    /// Runs the whole official Snowball vocabulary when a folder holding its voc.txt and output.txt is named by
    /// the BRIEFINGBOT_SNOWBALL_ENGLISH environment variable (the files are not ours to commit).
    /// </summary>
    [SnowballVocabularyFact]
    public void Stem_OfficialSnowballVocabulary_AgreesWithEveryWord()
    {
        var folder = SnowballVocabularyFactAttribute.Folder!;
        var words = File.ReadAllLines(Path.Combine(folder, "voc.txt"));
        var stems = File.ReadAllLines(Path.Combine(folder, "output.txt"));
        Assert.Equal(words.Length, stems.Length);

        var mismatches = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            var stem = EnglishStemmer.Stem(words[i]);
            if (stem != stems[i])
            {
                mismatches.Add($"{words[i]}: expected {stems[i]}, got {stem}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(50)));
    }

    /// <summary>
    /// The full vocabulary check that runs everywhere: Lucene.Net's Snowball English stemmer (generated from the
    /// Snowball sources) stems every word of the seeds, the test stories and, when present, the shared BBC articles,
    /// and ours must agree on each one, except where the current Porter2 description revised the rules after the
    /// Snowball version Lucene ships (see <see cref="LaterSnowballRevision"/>); those words are counted and shown.
    /// </summary>
    [Fact]
    public void Stem_EveryCorpusWord_AgreesWithLuceneSnowballEnglish()
    {
        var words = SnowballOracleVocabulary.Words();
        var oracle = new LuceneEnglishStemmer();

        var mismatches = new List<string>();
        var revised = new List<string>();
        foreach (var word in words)
        {
            oracle.SetCurrent(word);
            oracle.Stem();
            var expected = oracle.Current;
            var stem = EnglishStemmer.Stem(word);
            if (stem != expected)
            {
                (LaterSnowballRevision().IsMatch(word) ? revised : mismatches).Add($"{word}: Snowball {expected}, ours {stem}");
            }
        }

        output.WriteLine($"{words.Count} words; {revised.Count} differ only by later Porter2 revisions: {string.Join("; ", revised)}");
        Assert.True(words.Count > 1000, $"only {words.Count} words found");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {words.Count} words differ:\n" + string.Join('\n', mismatches.Take(50)));
    }

    /// <summary>
    /// Words whose stem the current Porter2 description changed after the Snowball release Lucene.Net 4.8 was
    /// generated from: the new exceptional R1 prefixes (past, univers, later, emerg, organ, inter), "-ogist" to "-og",
    /// "evening" kept whole, no undoubling after a lone initial vowel ("added" -> "add"), and any consonant before "ying"
    /// taking "ie" ("vying" -> "vie", as "dying" -> "die" always did).
    /// </summary>
    [GeneratedRegex("^(?:past|univers|later|emerg|organ|inter)|ogist|^evenings?$|^[aeiouy](?:bb|dd|ff|gg|mm|nn|pp|rr|tt)(?:ed|ing)$|^[^aeiouy]ying$", RegexOptions.CultureInvariant)]
    private static partial Regex LaterSnowballRevision();
}
