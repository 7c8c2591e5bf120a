process.env['TEST_HUB_TOPOLOGY'] = 'embedded';
