// CampaignReports
