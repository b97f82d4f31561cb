namespace RlhfGraph.Tests.Import;

/// <summary>
/// What sampled items of each seed list become when that list is imported alone by the parser its manifest entry names, each
/// checked by hand against the list's text (kind, title, venue, year as the list gives them: an item's own byline or venue, else its
/// proceedings link, else its year heading, else its arXiv id): "Paper · Kind · Title · Venue · Year", "Codebase · Name · Url",
/// "Dataset · Name". Lines for the Markdown lists, character columns for the flattened 003.
/// </summary>
internal static class SeedListSamples
{
    public static readonly (int Line, string Expected)[] LouieworthSample =
    [
        // "- [AI Alignment: A Comprehensive Survey](https://arxiv.org/abs/2310.19852)" under "### Review/Survey", byline "… arXiv, 2023."
        (37, "Paper · Survey · AI Alignment: A Comprehensive Survey · arXiv · 2023"),
        // An empty link "[…]()" and a paragraph byline without venue or year: a paper with neither.
        (47, "Paper · Paper · Aligning Large Language Models with Human Preferences through Representation Engineering · - · -"),
        (100, "Paper · Paper · Direct Preference Optimization: Your Language Model is Secretly a Reward Model · NeurIPS · 2023"),
        // Under "### Datasets": the paper and the dataset it introduces.
        (177, "Paper · Paper · UltraFeedback: Boosting Language Models with High-quality Feedback · arXiv · 2023"),
        (177, "Dataset · UltraFeedback"),
        (179, "Paper · Paper · OpenAssistant Conversations - Democratizing Large Language Model Alignment · NeurIPS · 2023"),
        (179, "Dataset · OpenAssistant Conversations"),
        // "- Nathan Lambert, Hugging Face blog, 2022."
        (187, "Paper · BlogPost · Illustrating Reinforcement Learning from Human Feedback (RLHF) · Hugging Face blog · 2022"),
        // "- Yoav Goldberg, April 2023." (gist.github.com)
        (189, "Paper · BlogPost · Reinforcement Learning for Language Models · - · 2023"),
        // A YouTube link and the unindented "- Nathan Lambert, Hugging Face, 2022."
        (195, "Paper · Talk · Reinforcement Learning from Human Feedback: From Zero to chatGPT · Hugging Face · 2022"),
        (199, "Paper · Talk · Scalable Oversight for Large Language Models · New York University · 2023"),
        // "- Meta, 2023." under "### Reports"
        (204, "Paper · TechnicalReport · Llama 2: Open Foundation and Fine-Tuned Chat Models · arXiv · 2023"),
        // "[trl](https://github.com/huggingface/trl/tree/main)": the repository, not the tree page.
        (210, "Codebase · trl · https://github.com/huggingface/trl"),
    ];

    public static readonly (int Line, string Expected)[] OpenDilab2023Sample =
    [
        // "[GPT-4 Technical Report](https://cdn.openai.com/papers/gpt-4.pdf)" under "### 2023", "- OpenAI", "Code: [official](…evals)", "Dataset: … [HumanEval](…)".
        (70, "Paper · TechnicalReport · GPT-4 Technical Report · - · 2023"),
        (70, "Codebase · evals · https://github.com/openai/evals"),
        (70, "Dataset · HumanEval"),
        // An OpenReview PDF names no venue; the year heading gives the year.
        (86, "Paper · Paper · Few-shot Preference Learning for Human-in-the-Loop RL · - · 2023"),
        (136, "Paper · Paper · Scaling Laws for Reward Model Overoptimization · arXiv · 2022"),
        (155, "Paper · Paper · Training a Helpful and Harmless Assistant with Reinforcement Learning from Human Feedback · arXiv · 2022"),
        // Under "### 2020 and before" (a bound, not a year): the arXiv id's 2018.
        (215, "Paper · Paper · Reward learning from human preferences and demonstrations in Atari · arXiv · 2018"),
        (215, "Codebase · ReQueST · https://github.com/rddy/ReQueST"),
        (243, "Codebase · PaLM + RLHF - Pytorch · https://github.com/lucidrains/PaLM-rlhf-pytorch"),
        (259, "Codebase · Transformer Reinforcement Learning X (TRLX) · https://github.com/CarperAI/trlx"),
        // "- [OpenAI] [ChatGPT: …](https://openai.com/blog/chatgpt)": the tag is the publisher.
        (303, "Paper · BlogPost · ChatGPT: Optimizing Language Models for Dialogue · OpenAI · -"),
        (308, "Paper · BlogPost · Learning through human feedback · Deepmind · -"),
        // "- [YouTube] [John Schulman - Reinforcement Learning from Human Feedback: Progress and Challenges](youtube…)": a talk, its speaker before the title.
        (312, "Paper · Talk · Reinforcement Learning from Human Feedback: Progress and Challenges · - · -"),
    ];

    public static readonly (int Line, string Expected)[] OfflineRlSample =
    [
        (29, "Paper · Survey · Open Problems and Fundamental Limitations of Reinforcement Learning from Human Feedback · arXiv · 2023"),
        (44, "Paper · Paper · Direct Preference Optimization: Your Language Model is Secretly a Reward Model · NeurIPS · 2023"),
        // A blank line between the item and its byline ("… Scott Niekum. arXiv, 2023.").
        (54, "Paper · Paper · Learning Optimal Advantage from Preferences and Mistaking it for Reward · arXiv · 2023"),
        // "[UltraFeedback: …](…)" as a paragraph, not a list item, under "### Datasets".
        (128, "Paper · Paper · UltraFeedback: Boosting Language Models with High-quality Feedback · arXiv · 2023"),
        (128, "Dataset · UltraFeedback"),
        (140, "Paper · BlogPost · Reinforcement Learning for Language Models · - · 2023"),
        // "- Chip Huyen, 2023." (huyenchip.com)
        (143, "Paper · BlogPost · RLHF: Reinforcement Learning from Human Feedback · - · 2023"),
        // "- John Schulman, OpenAI, 2023."
        (151, "Paper · Talk · Reinforcement Learning from Human Feedback: Progress and Challenges · OpenAI · 2023"),
        (154, "Paper · Talk · Scalable Oversight for Large Language Models · New York University · 2023"),
        (162, "Paper · TechnicalReport · GPT-4 Technical Report · arXiv · 2023"),
        (167, "Codebase · OpenRLHF · https://github.com/OpenLLMAI/OpenRLHF"),
    ];

    /// <summary>003, flattened: keyed by the item's character column on its one line.</summary>
    public static readonly (int Line, string Expected)[] OpenDilab2025FlattenedSample =
    [
        // "… 2025 - Differential Information: … - Yunjae Won, …": no links, so no venue; the year heading.
        (4595, "Paper · Paper · Differential Information: An Information-Theoretic Perspective on Preference Optimization · - · 2025"),
        (8446, "Paper · Paper · REvolve: Reward Evolution with Large Language Models using Human Feedback · - · 2024"),
        (12030, "Paper · Paper · RLAIF vs. RLHF: Scaling Reinforcement Learning from Human Feedback with AI Feedback · - · 2024"),
        // The title says survey.
        (23973, "Paper · Survey · Bridging the Gap: A Survey on Integrating Human Feedback for Natural Language Generation · - · 2023"),
        (24398, "Paper · TechnicalReport · GPT-4 Technical Report · - · 2023"),
        (34446, "Codebase · veRL: Volcano Engine Reinforcement Learning for LLM · -"),
        (37543, "Codebase · VinePPO · -"),
        (37777, "Dataset · HH-RLHF"),
        // "Blogs - OpenAI ChatGPT: Optimizing Language Models for Dialogue - …": the publisher tag kept when flattened.
        (39707, "Paper · BlogPost · ChatGPT: Optimizing Language Models for Dialogue · OpenAI · -"),
        // "YouTube John Schulman - Reinforcement Learning from Human Feedback: …": a video by its tag, its speaker before the title.
        (40156, "Paper · Talk · Reinforcement Learning from Human Feedback: Progress and Challenges · - · -"),
        // "Books - Reinforcement Learning from Human Feedback by Nathan Lambert": the byline is not the title.
        (40627, "Paper · Book · Reinforcement Learning from Human Feedback · - · -"),
    ];

    public static readonly (int Line, string Expected)[] LlmTrainingSample =
    [
        // "**Zephyr: …**, `arXiv, 2310.16944`, [arxiv](…)" under "## Alignment", its code in the tab-indented line.
        (4, "Paper · Paper · Zephyr: Direct Distillation of LM Alignment · arXiv · 2023"),
        (4, "Codebase · alignment-handbook · https://github.com/huggingface/alignment-handbook"),
        // A bold title wrapped over two lines.
        (9, "Paper · Paper · Don't throw away your value model! Making PPO even better via Value-Guided Monte-Carlo Tree Search decoding · arXiv · 2023"),
        (13, "Paper · BlogPost · The N Implementation Details of RLHF with PPO · - · -"),
        // "[Rethinking the Role of PPO in RLHF – The Berkeley Artificial Intelligence Research Blog](https://bair.berkeley.edu/blog/…)"
        // The post's date in its address (".../blog/2023/10/16/p3o/") is its year.
        (30, "Paper · BlogPost · Rethinking the Role of PPO in RLHF · The Berkeley Artificial Intelligence Research Blog · 2023"),
        // "[**awesome-RLHF**](github…) - opendilab" outside "### Projects" is still a project.
        (54, "Codebase · awesome-RLHF · https://github.com/opendilab/awesome-RLHF"),
        // This list writes "arXiv, 2306.01693"; no byline names NeurIPS.
        (77, "Paper · Paper · Fine-Grained Human Feedback Gives Better Rewards for Language Model Training · arXiv · 2023"),
        (83, "Codebase · trl · https://github.com/huggingface/trl"),
        // "### Other": Google Slides of an ICML tutorial (a talk), a magazine post, Zhihu and jiqizhixin articles (blog posts).
        (68, "Paper · Talk · ICML '23 Tutorial on Reinforcement Learning from Human Feedback · - · -"),
        (88, "Paper · BlogPost · LLM Training: RLHF and Its Alternatives · - · -"),
        (91, "Paper · BlogPost · RLHF实践 · 知乎 · -"),
        (95, "Paper · BlogPost · LLM成功不可或缺的基石：RLHF及其替代技术 · 机器之心 · 2023"), // ".../articles/2023-10-07-7"
    ];
}
